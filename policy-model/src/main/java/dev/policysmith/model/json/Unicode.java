package dev.policysmith.model.json;

/** Finds text that is not valid Unicode, which neither the reader nor the writer may pass on. */
final class Unicode {
  private Unicode() {}

  /**
   * Returns the index of the first unpaired surrogate in {@code value}, or -1 when there is none. A
   * JSON escape such as {@code "\ud800"} can produce one; such a string cannot be written as UTF-8.
   */
  static int unpairedSurrogate(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }
}
