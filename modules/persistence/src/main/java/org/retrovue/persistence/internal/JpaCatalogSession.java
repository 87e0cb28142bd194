package org.retrovue.persistence.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.retrovue.persistence.CatalogException;
import org.retrovue.persistence.CatalogSession;
import org.retrovue.persistence.CollectionRecord;
import org.retrovue.persistence.NewSource;
import org.retrovue.persistence.PathMappingRecord;
import org.retrovue.persistence.RecordOrder;
import org.retrovue.persistence.SourceRecord;
import org.retrovue.persistence.SourceSummary;
import org.retrovue.persistence.entity.PathMapping;
import org.retrovue.persistence.entity.Source;
import org.retrovue.persistence.entity.SourceCollection;

/** {@link CatalogSession} over one EntityManager and its transaction. */
public final class JpaCatalogSession implements CatalogSession {
    private static final String BATCH = "eclipselink.batch";
    private static final String BATCH_TYPE = "eclipselink.batch.type";

    private final EntityManager em;

    public JpaCatalogSession(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<SourceRecord> sources() {
        return sourceQuery("select s from Source s").getResultList().stream()
                .map(JpaCatalogSession::toRecord).sorted(RecordOrder.SOURCES).toList();
    }

    @Override
    public List<SourceSummary> sourceSummaries() {
        return sources().stream().map(SourceSummary::of).toList();
    }

    @Override
    public Optional<SourceRecord> sourceById(UUID id) {
        return Optional.ofNullable(em.find(Source.class, id)).map(JpaCatalogSession::toRecord);
    }

    @Override
    public Optional<SourceRecord> sourceByExternalId(String externalId) {
        return sourceQuery("select s from Source s where s.externalId = :v")
                .setParameter("v", externalId).getResultList().stream().findFirst().map(JpaCatalogSession::toRecord);
    }

    @Override
    public List<SourceRecord> sourcesByName(String name) {
        return sourceQuery("select s from Source s where lower(s.name) = lower(:v)")
                .setParameter("v", name).getResultList().stream().map(JpaCatalogSession::toRecord).toList();
    }

    @Override
    public SourceRecord addSource(NewSource source) {
        Source entity = new Source(source.externalId(), source.name(), source.kind(), StoredConfig.text(source.config()));
        entity.setOptions(StoredConfig.text(source.options()));
        entity.setSettings(StoredConfig.text(source.settings()));
        for (NewSource.NewCollection c : source.collections()) {
            entity.getCollections().add(new SourceCollection(entity, c.externalId(), c.name(), StoredConfig.text(c.config()),
                    StoredConfig.text(c.locations())));
        }
        em.persist(entity);
        em.flush();
        return toRecord(entity);
    }

    @Override
    public SourceRecord updateSource(UUID id, String name, Map<String, Object> config, Map<String, Object> options, Map<String, Object> settings) {
        Source entity = requireSource(id);
        entity.setName(name);
        entity.setConfig(StoredConfig.text(config));
        entity.setOptions(StoredConfig.text(options));
        entity.setSettings(StoredConfig.text(settings));
        entity.touch();
        em.flush();
        return toRecord(entity);
    }

    @Override
    public boolean deleteSource(UUID id) {
        Source entity = em.find(Source.class, id);
        if (entity == null) {
            return false;
        }
        em.remove(entity);
        em.flush();
        return true;
    }

    @Override
    public List<CollectionRecord> collections() {
        return collectionQuery("select c from SourceCollection c")
                .getResultList().stream().map(JpaCatalogSession::toRecord).sorted(RecordOrder.COLLECTIONS).toList();
    }

    @Override
    public Optional<CollectionRecord> collectionById(UUID id) {
        return Optional.ofNullable(em.find(SourceCollection.class, id)).map(JpaCatalogSession::toRecord);
    }

    @Override
    public List<CollectionRecord> collectionsByExternalId(String externalId) {
        return collectionQuery("select c from SourceCollection c where c.externalId = :v")
                .setParameter("v", externalId).getResultList().stream().map(JpaCatalogSession::toRecord).sorted(RecordOrder.COLLECTIONS).toList();
    }

    @Override
    public List<CollectionRecord> collectionsByName(String name) {
        return collectionQuery("select c from SourceCollection c where lower(c.name) = lower(:v)")
                .setParameter("v", name).getResultList().stream().map(JpaCatalogSession::toRecord).sorted(RecordOrder.COLLECTIONS).toList();
    }

    @Override
    public CollectionRecord setCollectionEnabled(UUID collectionId, boolean enabled) {
        SourceCollection entity = requireCollection(collectionId);
        if (entity.isEnabled() != enabled) {
            entity.setEnabled(enabled);
            entity.getSource().touch();
            em.flush();
        }
        return toRecord(entity);
    }

    @Override
    public CollectionRecord updateCollection(UUID collectionId, String name, Map<String, Object> config, List<String> locations) {
        SourceCollection entity = requireCollection(collectionId);
        entity.setName(name);
        entity.setConfig(StoredConfig.text(config));
        entity.setLocations(StoredConfig.text(locations));
        entity.setMissing(false);
        entity.getSource().touch();
        em.flush();
        return toRecord(entity);
    }

    @Override
    public CollectionRecord markCollectionMissing(UUID collectionId) {
        SourceCollection entity = requireCollection(collectionId);
        if (!entity.isMissing()) {
            entity.setMissing(true);
            entity.getSource().touch();
            em.flush();
        }
        return toRecord(entity);
    }

    @Override
    public CollectionRecord addCollection(UUID sourceId, NewSource.NewCollection collection) {
        Source source = requireSource(sourceId);
        SourceCollection entity = new SourceCollection(source, collection.externalId(), collection.name(), StoredConfig.text(collection.config()),
                StoredConfig.text(collection.locations()));
        source.getCollections().add(entity);
        source.touch();
        em.persist(entity);
        em.flush();
        return toRecord(entity);
    }

    @Override
    public CollectionRecord addPathMapping(UUID collectionId, String plexPath, String localPath) {
        SourceCollection entity = requireCollection(collectionId);
        entity.getPathMappings().add(new PathMapping(entity, plexPath, localPath));
        entity.getSource().touch();
        em.flush();
        return toRecord(entity);
    }

    @Override
    public boolean removePathMapping(UUID collectionId, String plexPath) {
        SourceCollection entity = requireCollection(collectionId);
        boolean removed = entity.getPathMappings().removeIf(m -> m.getPlexPath().equals(plexPath));
        if (removed) {
            entity.getSource().touch();
            em.flush();
        }
        return removed;
    }

    private Source requireSource(UUID id) {
        Source entity = em.find(Source.class, id);
        if (entity == null) {
            throw new CatalogException("source " + id + " no longer exists");
        }
        return entity;
    }

    private SourceCollection requireCollection(UUID id) {
        SourceCollection entity = em.find(SourceCollection.class, id);
        if (entity == null) {
            throw new CatalogException("collection " + id + " no longer exists");
        }
        return entity;
    }

    private TypedQuery<Source> sourceQuery(String jpql) {
        return em.createQuery(jpql, Source.class)
                .setHint(BATCH, "s.collections.pathMappings")
                .setHint(BATCH_TYPE, "IN");
    }

    private TypedQuery<SourceCollection> collectionQuery(String jpql) {
        return em.createQuery(jpql, SourceCollection.class)
                .setHint(BATCH, "c.pathMappings")
                .setHint(BATCH_TYPE, "IN");
    }

    private static SourceRecord toRecord(Source s) {
        List<CollectionRecord> collections = s.getCollections().stream()
                .map(JpaCatalogSession::toRecord).sorted(RecordOrder.COLLECTIONS_OF_A_SOURCE).toList();
        return new SourceRecord(s.getId(), s.getExternalId(), s.getName(), s.getKind(), StoredConfig.parse(s.getConfig()),
                StoredConfig.parse(s.getOptions()), StoredConfig.parse(s.getSettings()),
                s.getCreatedAt(), s.getUpdatedAt(), collections);
    }

    private static CollectionRecord toRecord(SourceCollection c) {
        List<PathMappingRecord> mappings = c.getPathMappings().stream()
                .map(m -> new PathMappingRecord(m.getId(), c.getId(), m.getPlexPath(), m.getLocalPath()))
                .sorted(RecordOrder.PATH_MAPPINGS).toList();
        return new CollectionRecord(c.getId(), c.getSource().getId(), c.getSource().getName(), c.getSource().getKind(), c.getExternalId(), c.getName(),
                c.isEnabled(), StoredConfig.parse(c.getConfig()), StoredConfig.parseLocations(c.getLocations()), c.isMissing(), c.getCreatedAt(), mappings);
    }


}
