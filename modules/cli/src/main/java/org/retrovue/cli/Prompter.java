package org.retrovue.cli;

/** Asks the operator a yes/no question on a terminal. */
@FunctionalInterface
public interface Prompter {
    boolean confirm(String question);

    /** The process's terminal, when there is one. */
    static Prompter console() {
        java.io.Console console = System.console();
        if (console == null || !console.isTerminal()) {
            return null;
        }
        return question -> {
            String answer = console.readLine("%s [y/N] ", question);
            return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
        };
    }
}
