"""What every document kind shares: types, organization, settings, checks, comparison."""
