"""Question record -> evidence and gate -> generation -> checks -> the answer's text."""
