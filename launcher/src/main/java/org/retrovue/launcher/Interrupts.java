package org.retrovue.launcher;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT (Ctrl-C, or {@code kill -INT} from a script) during a command run in this JVM, as the resident process's
 * client treats it: the first interrupts the command, which stops, says so on its {@code error:} line and exits
 * 130; the second leaves at once. The JVM's own handler would end the process at the first, silently, whatever
 * it was doing. A SIGINT ignored when the process started (a background job of a script) stays ignored.
 */
final class Interrupts implements SignalHandler {
    /** The exit code of an interrupted command, as a shell gives a process ended by SIGINT. */
    static final int EXIT_CODE = org.retrovue.cli.ExitCodes.INTERRUPTED;

    private final Thread command;
    private final AtomicBoolean interrupted = new AtomicBoolean();

    private Interrupts(Thread command) {
        this.command = command;
    }

    /** Sends this process's SIGINTs to {@code command}, the thread that runs it. */
    static Interrupts install(Thread command) {
        Interrupts interrupts = new Interrupts(command);
        try {
            Signal.handle(new Signal("INT"), interrupts); // itself, not a method reference: no class spun at every start
        } catch (IllegalArgumentException unavailable) {
            // -Xrs: SIGINT keeps the system's default
        }
        return interrupts;
    }

    @Override
    public void handle(Signal signal) {
        if (interrupted.getAndSet(true)) {
            Runtime.getRuntime().halt(EXIT_CODE);
        }
        command.interrupt();
    }

    boolean interrupted() {
        return interrupted.get();
    }

    /** 130 for a command that was interrupted and did not finish; a command that finished anyway keeps its code. */
    int exitCode(int code) {
        return interrupted() && code != 0 ? EXIT_CODE : code;
    }
}
