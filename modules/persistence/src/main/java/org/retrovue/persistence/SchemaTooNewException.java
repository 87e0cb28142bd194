package org.retrovue.persistence;

/** The database was migrated by a newer RetroVue than this one. */
public final class SchemaTooNewException extends CatalogException {
    private static final long serialVersionUID = 1L;

    public SchemaTooNewException(String message) {
        super(message);
    }
}
