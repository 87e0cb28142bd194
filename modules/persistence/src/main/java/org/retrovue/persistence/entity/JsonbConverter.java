package org.retrovue.persistence.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Carries JSON text to and from a {@code jsonb} column. Writes go out as text (the JDBC URL sets
 * {@code stringtype=unspecified} so PostgreSQL casts them); reads come back as the driver's {@code PGobject},
 * whose {@code toString()} is the JSON text.
 */
@Converter
public class JsonbConverter implements AttributeConverter<String, Object> {
    @Override
    public Object convertToDatabaseColumn(String json) {
        return json;
    }

    @Override
    public String convertToEntityAttribute(Object column) {
        return column == null ? null : column.toString();
    }
}
