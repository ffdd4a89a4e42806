package org.springframework.orderflowfixture;

/** Stands in for a Spring type, so the determinism rules can be shown to catch a dependency. */
public class SpringBean {}
