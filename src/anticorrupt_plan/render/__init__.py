"""One renderer per output format, each fed by the same PlanView."""
