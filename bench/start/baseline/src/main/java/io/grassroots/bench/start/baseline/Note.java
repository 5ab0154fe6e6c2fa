package io.grassroots.bench.start.baseline;

import org.springframework.data.annotation.Id;

/** One row of the baseline's only table. */
record Note(@Id Long id, String text) {
}
