package org.lipf.cli;

import java.util.Comparator;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lipf} command: a phase-field simulator of lithium deposition in solid-state batteries. */
@Command(name = "lipf", mixinStandardHelpOptions = true, versionProvider = Lipf.Version.class,
        description = "Phase-field simulator of lithium deposition in solid-state batteries.",
        subcommands = {RunCommand.class, BenchCommand.class, DevicesCommand.class, CommandLine.HelpCommand.class})
public final class Lipf implements Runnable {
    /** Exit code for bad input (scenario or command line). */
    public static final int EXIT_BAD_INPUT = CommandLine.ExitCode.USAGE;
    /** Exit code for a run that failed numerically. */
    public static final int EXIT_FAILED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this). */
    public static int execute(String... args) {
        // picocli answers invalid command lines with its USAGE exit code, which is EXIT_BAD_INPUT;
        // any other failure is reported in one line, without a stack trace
        CommandLine line = new CommandLine(new Lipf());
        ServiceLoader.load(LipfCommand.class).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(c -> new CommandLine(c).getCommandName()))
                .forEach(line::addSubcommand);
        return line
                // a mistyped option: the error, picocli's suggestions and where the options are, not the whole usage text
                .setParameterExceptionHandler((e, given) -> {
                    java.io.PrintWriter err = e.getCommandLine().getErr();
                    err.println("error: " + e.getMessage());
                    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
                    err.println("see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options");
                    return EXIT_BAD_INPUT;
                })
                .setExecutionExceptionHandler((e, cl, parsed) -> {
                    cl.getErr().println("error: " + describe(e));
                    return e instanceof org.lipf.scenario.ScenarioException ? EXIT_BAD_INPUT : EXIT_FAILED;
                })
                .execute(args);
    }

    /**
     * One line for a failure: a file-system error's message is often the bare path, so the kind of failure
     * (no such file, access denied, ...) is named with it.
     */
    static String describe(Exception e) {
        if (e instanceof java.nio.file.FileSystemException fs) {
            String kind = fs instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                    : fs instanceof java.nio.file.AccessDeniedException ? "access denied"
                    : fs instanceof java.nio.file.FileAlreadyExistsException ? "already exists"
                    : fs instanceof java.nio.file.NotDirectoryException ? "not a folder"
                    : fs.getReason() != null ? fs.getReason() : "cannot be read or written";
            return fs.getFile() + ": " + kind + (fs.getOtherFile() != null ? " (" + fs.getOtherFile() + ")" : "");
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"lipf " + org.lipf.output.RunInfo.codeVersion()};
        }
    }
}
