"""``python -m mljobs`` runs the command line."""

from mljobs.cli import main

main()
