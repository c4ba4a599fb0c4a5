package io.vigil.server.cli;

import picocli.CommandLine;

/** Turns {@link BadInputException} into a message on stderr and exit code 2; bugs stay loud. */
final class BadInputHandler implements CommandLine.IExecutionExceptionHandler {

  static final int BAD_INPUT = 2;

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult)
      throws Exception {
    if (exception instanceof BadInputException) {
      commandLine.getErr().println("vigil: " + exception.getMessage());
      return BAD_INPUT;
    }
    throw exception;
  }
}
