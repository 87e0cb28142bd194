package org.retrovue.persistence.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A row of {@code source_collections}. */
@Entity
@Table(name = "source_collections")
public class SourceCollection {
    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "source_id", nullable = false, updatable = false)
    private Source source;

    @Column(name = "external_id", nullable = false, updatable = false)
    private String externalId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private boolean enabled;

    @Convert(converter = JsonbConverter.class)
    @Column(columnDefinition = "jsonb")
    private String config;

    @Convert(converter = JsonbConverter.class)
    @Column(columnDefinition = "jsonb", nullable = false)
    private String locations = "[]";

    @Column(nullable = false)
    private boolean missing;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @OneToMany(mappedBy = "collection", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("plexPath")
    private List<PathMapping> pathMappings = new ArrayList<>();

    protected SourceCollection() {}

    public SourceCollection(Source source, String externalId, String name, String config, String locations) {
        this.id = UUID.randomUUID();
        this.source = source;
        this.externalId = externalId;
        this.name = name;
        this.config = config;
        this.locations = locations;
    }

    @PrePersist
    void onInsert() {
        createdAt = Timestamps.now();
    }

    public UUID getId() { return id; }
    public Source getSource() { return source; }
    public String getExternalId() { return externalId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getConfig() { return config; }
    public void setConfig(String config) { this.config = config; }
    public String getLocations() { return locations; }
    public void setLocations(String locations) { this.locations = locations; }
    public boolean isMissing() { return missing; }
    public void setMissing(boolean missing) { this.missing = missing; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public List<PathMapping> getPathMappings() { return pathMappings; }
}
