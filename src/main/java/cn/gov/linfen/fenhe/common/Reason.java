package cn.gov.linfen.fenhe.common;

/**
 * Why something is refused, in Chinese (what a person reads) and English (logs, {@code reasonEn}),
 * before it is known or said which field it concerns. {@link #at} makes it a {@link FieldError}.
 */
public record Reason(String chinese, String english) {

  /** This reason, refusing the given field. */
  public FieldError at(String field) {
    return new FieldError(field, chinese, english);
  }

  /** This reason with a label (the field's Chinese name) put before the Chinese text. */
  public Reason labelled(String chineseLabel) {
    return new Reason(chineseLabel + chinese, english);
  }

  /** Both texts on one line, for logs and incident messages: never split again. */
  @Override
  public String toString() {
    return chinese + " / " + english;
  }
}
