package org.retrovue.persistence;

import java.util.UUID;

/** A path mapping as stored. */
public record PathMappingRecord(UUID id, UUID collectionId, String plexPath, String localPath) {}
