package org.retrovue.persistence;

/** The database could not be reached or refused us. */
public final class DatabaseUnavailableException extends CatalogException {
    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
