/**
 * The catalogue in PostgreSQL: Flyway migrations, the EclipseLink entities and the transactions over them.
 * Entities stay inside; callers see records.
 */
module org.retrovue.persistence {
    requires transitive java.sql;
    requires jakarta.persistence;
    requires org.eclipse.persistence.core;
    requires org.eclipse.persistence.jpa;
    // EclipseLink loads ASM only if the module is resolved; without it the unit fails with a misleading error.
    requires org.objectweb.asm;
    requires flyway.core;
    requires com.fasterxml.jackson.core;
    requires org.postgresql.jdbc;

    exports org.retrovue.persistence;
    opens org.retrovue.persistence.entity to org.eclipse.persistence.core, org.eclipse.persistence.jpa;
}
