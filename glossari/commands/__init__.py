"""One module per ``glossari`` subcommand: ``configure(parser)`` and ``run(args, ctx)``."""
