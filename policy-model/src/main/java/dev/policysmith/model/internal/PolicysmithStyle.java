package dev.policysmith.model.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of every policysmith value type: generated implementations stay
 * package-private behind the abstract type's own {@code builder()}, collections are JDK-only and
 * keep insertion order, and list attributes get singular adders ({@code addAction}).
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    depluralize = true,
    get = {"is*", "get*"},
    defaults = @Value.Immutable(copy = false))
public @interface PolicysmithStyle {}
