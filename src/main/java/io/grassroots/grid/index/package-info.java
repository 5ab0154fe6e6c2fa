/**
 * The geometry behind placement, free of Spring and of the database: the spatial index and metric areas and
 * distances. Internal to the grid module (the benchmark in bench/placement compiles these same sources).
 */
package io.grassroots.grid.index;
