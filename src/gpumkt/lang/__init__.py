"""Language knowledge shared by every stage: normalisation, figures, periods, vocabulary."""
