"""The referral rationale as plain data, ready for the PDF, the text and the printer."""
