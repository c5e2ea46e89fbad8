"""Loading the exercise content that trainers edit (``exercises/*.yaml``) and the schema pieces every day shares."""
