package cn.gov.linfen.fenhe.documents;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * A case's document that exists: its number (null when the kind has none), when it was issued (or
 * came to be) and its content, built only when the PDF is asked for.
 */
public record PreparedDocument(
    DocumentKind kind, String number, Instant issuedAt, Supplier<OfficialDocument> content) {}
