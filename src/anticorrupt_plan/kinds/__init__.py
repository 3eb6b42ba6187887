"""One package per document kind (model, presentation, rules, comparison); none imports another."""
