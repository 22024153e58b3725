package cn.gov.linfen.fenhe.documents;

/**
 * A kind of document: its id in URLs ({@code disbursement-notice}) and the Chinese name people read
 * (and the PDF's file name).
 */
public record DocumentKind(String kind, String name) {}
