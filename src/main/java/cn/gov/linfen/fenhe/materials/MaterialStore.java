package cn.gov.linfen.fenhe.materials;

import java.util.Optional;

/**
 * Where the bytes of the materials are kept, by material id. The one place an object store
 * (S3-compatible) would replace the database (docs/materials.md): an implementation must write in
 * the caller's transaction or, for an object store, write before the metadata row is committed and
 * treat content without a row as garbage to collect.
 */
public interface MaterialStore {

  void put(String id, byte[] content);

  Optional<byte[]> get(String id);

  /** Removes content (only of pending uploads that expired: attached content is never removed). */
  void remove(String id);
}
