// OpenBLAS's CBLAS interface (Debian: libopenblas-dev; pkg-config openblas). The header also
// declares openblas_set_num_threads / openblas_get_num_threads / openblas_get_corename.
#include <cblas.h>
