"""Compile a Thai local organization's ethics and anti-corruption plan into its documents."""
