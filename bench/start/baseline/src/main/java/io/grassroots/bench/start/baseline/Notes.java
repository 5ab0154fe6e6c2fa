package io.grassroots.bench.start.baseline;

import org.springframework.data.repository.ListCrudRepository;

interface Notes extends ListCrudRepository<Note, Long> {
}
