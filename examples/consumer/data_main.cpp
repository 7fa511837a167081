// A government app built against an installed kinerja package finds the package's data
// (the bundled plan, catalog and rules) wherever the installation is: kinerja's CMake package
// tells it (kinerja/detail/package_data.hpp). Prints where the data are and the bundled plan's
// id, or the error that says why they cannot be found.
#include <kinerja/kinerja.hpp>

#include <iostream>

int main() {
    try {
        std::cout << "data: " << kinerja::data_directory() << "\n";
        std::cout << "bundled plan: " << kinerja::bundled_plan().info.id << "\n";
        return 0;
    } catch (const kinerja::error& e) {
        std::cout << e.what() << "\n";
        return 1;
    }
}
