#include "DicomUid.h"

#include <cctype>
#include <vector>

namespace delineo::core {

std::string uuidUid(const std::string& key)
{
    std::vector<int> digits; // decimal, least significant first
    int nibbles = 0;
    for (char c : key) {
        if (c == '-')
            continue;
        if (!std::isxdigit(static_cast<unsigned char>(c)))
            return {};
        int carry = std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : std::tolower(c) - 'a' + 10;
        ++nibbles;
        for (int& d : digits) {
            const int v = d * 16 + carry;
            d = v % 10;
            carry = v / 10;
        }
        for (; carry; carry /= 10)
            digits.push_back(carry % 10);
    }
    if (nibbles != 32)
        return {};
    std::string out = "2.25.";
    if (digits.empty())
        digits.push_back(0);
    for (auto d = digits.rbegin(); d != digits.rend(); ++d)
        out += char('0' + *d);
    return out;
}

} // namespace delineo::core
