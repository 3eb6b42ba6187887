"""No domain: errors, YAML loading and locating, Thai text helpers, matching, safe output."""
