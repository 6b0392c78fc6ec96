"""The MASH review: re-assess a referral without changing it, find gaps, time it, record it."""
