"""The guided assessment: steps, indicator cards and the live panel."""
