package org.retrovue.core;

import java.util.function.Supplier;
import org.retrovue.persistence.CatalogConflictException;
import org.retrovue.persistence.CatalogException;
import org.retrovue.persistence.DatabaseUnavailableException;
import org.retrovue.persistence.SchemaTooNewException;

/** Catalogue failures in the operator's terms. */
final class DatabaseErrors {
    private DatabaseErrors() {}

    static <T> T translate(Supplier<T> work) {
        try {
            return work.get();
        } catch (DatabaseUnavailableException | SchemaTooNewException e) {
            throw new RetrovueException(ErrorKind.DATABASE, e.getMessage(), e);
        } catch (CatalogConflictException e) {
            throw new RetrovueException(ErrorKind.CONFLICT, e.getMessage(), e);
        } catch (CatalogException e) {
            throw new RetrovueException(ErrorKind.EXTERNAL, "database error: " + e.getMessage(), e);
        }
    }
}
