package org.retrovue.persistence;

import java.util.Map;
import java.util.UUID;

/**
 * A source's config and options with its secrets sealed, and the ones they replace: the rewrite is made only where
 * the stored ones are still those (no command changed the source meanwhile).
 */
public record SecretRewrite(UUID sourceId, Map<String, Object> storedConfig, Map<String, Object> storedOptions,
                            Map<String, Object> config, Map<String, Object> options) {}
