package org.retrovue.persistence.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A row of {@code sources}. */
@Entity
@Table(name = "sources")
public class Source {
    @Id
    private UUID id;

    @Column(name = "external_id", nullable = false, updatable = false, length = 255)
    private String externalId;

    @Column(nullable = false, length = 255)
    private String name;

    @Column(nullable = false, length = 50, updatable = false)
    private String kind;

    @Convert(converter = JsonbConverter.class)
    @Column(columnDefinition = "jsonb")
    private String config;

    @Convert(converter = JsonbConverter.class)
    @Column(columnDefinition = "jsonb")
    private String options;

    @Convert(converter = JsonbConverter.class)
    @Column(columnDefinition = "jsonb")
    private String settings;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @OneToMany(mappedBy = "source", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("name")
    private List<SourceCollection> collections = new ArrayList<>();

    protected Source() {}

    public Source(String externalId, String name, String kind, String config) {
        this.id = UUID.randomUUID();
        this.externalId = externalId;
        this.name = name;
        this.kind = kind;
        this.config = config;
    }

    @PrePersist
    void onInsert() {
        createdAt = Timestamps.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Timestamps.after(createdAt);
    }

    /** Marks the row changed although only its collections changed, so that {@code updated_at} moves. */
    public void touch() {
        updatedAt = Timestamps.after(createdAt);
    }

    public UUID getId() { return id; }
    public String getExternalId() { return externalId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getKind() { return kind; }
    public String getConfig() { return config; }
    public void setConfig(String config) { this.config = config; }
    public String getOptions() { return options; }
    public void setOptions(String options) { this.options = options; }
    public String getSettings() { return settings; }
    public void setSettings(String settings) { this.settings = settings; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
    public List<SourceCollection> getCollections() { return collections; }
}
