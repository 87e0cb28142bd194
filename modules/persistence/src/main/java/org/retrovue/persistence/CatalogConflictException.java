package org.retrovue.persistence;

/** A write broke a uniqueness rule of the schema; {@link #constraint()} names which. */
public final class CatalogConflictException extends CatalogException {
    private static final long serialVersionUID = 1L;
    private final String constraint;

    public CatalogConflictException(String constraint, Throwable cause) {
        super("conflicts with an existing row (" + constraint + ")", cause);
        this.constraint = constraint;
    }

    public String constraint() {
        return constraint;
    }
}
