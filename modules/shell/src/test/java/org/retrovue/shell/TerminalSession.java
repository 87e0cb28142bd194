package org.retrovue.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * The interactive shell on a JLine terminal whose keyboard and screen are streams of this test: keys are typed
 * with {@link #type}, and the test waits for what it expects to appear on the screen.
 */
final class TerminalSession implements AutoCloseable {
    static final String CTRL_C = "\u0003";
    static final String CTRL_D = "\u0004";
    static final String TAB = "\t";
    static final String UP = "\u001bOA"; // in keypad application mode, as the shell sets it
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Keyboard keyboard = new Keyboard();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final StringWriter err = new StringWriter();
    private final Terminal terminal;
    private final Thread thread;
    private volatile Integer exitCode;
    private volatile Throwable failure;

    TerminalSession(Map<String, String> env) throws IOException {
        // An external terminal emulates the line discipline itself (echo, Ctrl-C as SIGINT) over plain streams;
        // TerminalBuilder would open a real pty here, whose Ctrl-C reaches no process.
        terminal = new ExternalTerminal("test", "xterm", keyboard, screen, StandardCharsets.UTF_8);
        terminal.setSize(new Size(200, 50));
        thread = new Thread(() -> {
            try {
                exitCode = Shell.interactive(env, terminal, new PrintWriter(err, true));
            } catch (Throwable t) {
                failure = t;
            }
        }, "shell-under-test");
        thread.start();
        awaitPrompts(1);
    }

    void type(String keys) {
        keyboard.type(keys);
    }

    /** Types a line and waits until its command has finished (a new prompt waits at the end of the screen). */
    void enter(String line) {
        int prompts = prompts();
        type(line + "\r");
        await(s -> prompts() > prompts && plain(s).endsWith(Shell.PROMPT), "the prompt after `" + line + "`");
    }

    /** The screen without terminal control sequences. */
    static String plain(String screen) {
        return screen.replaceAll("\u001b\\[[0-9;?]*[A-Za-z]|\u001b[=>]|\r", "");
    }

    String screen() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    String err() {
        synchronized (err) {
            return err.toString();
        }
    }

    int prompts() {
        return screen().split(Shell.PROMPT.strip(), -1).length - 1;
    }

    void awaitPrompts(int count) {
        await(s -> prompts() >= count, "prompt number " + count);
    }

    void awaitScreen(String text) {
        await(s -> s.contains(text), "'" + text + "' on the screen");
    }

    private void await(Predicate<String> condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.test(screen())) {
            if (failure != null) {
                throw new AssertionError("the shell failed", failure);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + "; screen:\n" + screen() + "\nstderr:\n" + err());
            }
            sleep(10);
        }
    }

    /** Waits for the shell to end; returns its exit code. */
    int awaitExit() throws InterruptedException {
        thread.join(PATIENCE.toMillis());
        if (failure != null) {
            throw new AssertionError("the shell failed", failure);
        }
        if (exitCode == null) {
            throw new AssertionError("the shell did not end; screen:\n" + screen());
        }
        return exitCode;
    }

    @Override
    public void close() throws Exception {
        if (thread.isAlive()) {
            keyboard.close();
            thread.join(PATIENCE.toMillis());
        }
        terminal.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keys typed by the test; a read blocks for the first byte only, as a terminal's does. */
    private static final class Keyboard extends InputStream {
        private static final int END = -1;
        private final LinkedBlockingQueue<Integer> keys = new LinkedBlockingQueue<>();

        void type(String text) {
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                keys.add(b & 0xff);
            }
        }

        @Override
        public int read() throws IOException {
            try {
                int key = keys.take();
                if (key == END) {
                    keys.add(END);
                }
                return key;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException();
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int first = read();
            if (first == END) {
                return END;
            }
            buffer[offset] = (byte) first;
            int n = 1;
            Integer next;
            while (n < length && (next = keys.peek()) != null && next != END) {
                buffer[offset + n++] = (byte) (int) keys.poll();
            }
            return n;
        }

        @Override
        public int available() {
            return keys.size();
        }

        @Override
        public void close() {
            keys.add(END);
        }
    }

}
