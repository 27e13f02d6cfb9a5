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
 *
 * <p>No annotation is copied from the class path onto generated code ({@code
 * allowedClasspathAnnotations} names only {@code Override}, which is never auto-applied): by
 * default Immutables marks every generated class {@code @org.immutables.value.Generated}, whose
 * class is not on a user's compile path (the annotations are an optional dependency), and javac
 * with {@code -Xlint:all} then warns about every such class in every project that uses ours.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    depluralize = true,
    allowedClasspathAnnotations = {Override.class},
    get = {"is*", "get*"},
    defaults = @Value.Immutable(copy = false))
public @interface PolicysmithStyle {}
