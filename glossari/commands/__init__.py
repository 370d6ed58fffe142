"""One module per ``glossari`` subcommand, each with ``configure(parser)`` and ``run(args, ctx)``."""
