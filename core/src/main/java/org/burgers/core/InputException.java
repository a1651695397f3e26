package org.burgers.core;

/**
 * Bad input from a user: a malformed file, an unknown element, a singular cell, a NaN coordinate.
 * The message always says where (file and line, atom index, parameter name) and what is wrong;
 * the command line turns it into a message on stderr and exit code 2.
 */
public class InputException extends RuntimeException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
