package org.retrovue.cli;

/** Asks the operator a yes/no question on a terminal. */
public interface Prompter {
    boolean confirm(String question);

    /** Asks for a secret ({@code what} names it) without showing what is typed; null at the end of input. */
    default String secret(String what) {
        return null;
    }

    /** Whether there is someone to ask; without a terminal, commands that need confirmation refuse. */
    default boolean available() {
        return true;
    }

    /** The process's terminal, looked up only when a command needs to ask. */
    static Prompter console() {
        return new Prompter() {
            @Override
            public boolean available() {
                java.io.Console console = System.console();
                return console != null && console.isTerminal();
            }

            @Override
            public boolean confirm(String question) {
                String answer = System.console().readLine("%s [y/N] ", question);
                return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
            }

            @Override
            public String secret(String what) {
                char[] typed = System.console().readPassword("%s: ", what);
                return typed == null ? null : new String(typed);
            }
        };
    }
}
