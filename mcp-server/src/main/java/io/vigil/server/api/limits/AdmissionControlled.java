package io.vigil.server.api.limits;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler whose request body is admitted against {@code vigil.ingest.max-in-flight-bytes}
 * before it is read: the bulk ingest endpoints, whose parsed batches are what fills the heap.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AdmissionControlled {}
