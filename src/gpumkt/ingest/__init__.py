"""Documents to text of record, passages, units and facts."""
