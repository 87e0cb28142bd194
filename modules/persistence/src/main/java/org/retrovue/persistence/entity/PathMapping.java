package org.retrovue.persistence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/** A row of {@code path_mappings}: how one remote path prefix of a collection reads on this machine. */
@Entity
@Table(name = "path_mappings")
public class PathMapping {
    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "collection_id", nullable = false, updatable = false)
    private SourceCollection collection;

    @Column(name = "plex_path", nullable = false)
    private String plexPath;

    @Column(name = "local_path", nullable = false)
    private String localPath;

    protected PathMapping() {}

    public PathMapping(SourceCollection collection, String plexPath, String localPath) {
        this.id = UUID.randomUUID();
        this.collection = collection;
        this.plexPath = plexPath;
        this.localPath = localPath;
    }

    public UUID getId() { return id; }
    public SourceCollection getCollection() { return collection; }
    public String getPlexPath() { return plexPath; }
    public String getLocalPath() { return localPath; }
}
