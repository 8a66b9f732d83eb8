#include "delineo/core/ModelTrust.h"
#include "delineo/core/Errors.h"
#include "delineo/ml/Checkpoint.h"
#include "delineo/ml/Errors.h"

#include <openssl/evp.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <vector>

namespace delineo::core {

std::string sha256File(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ImageError(ErrorCode::Unreadable, "cannot read " + path);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
        throw ImageError(ErrorCode::Unreadable, "SHA-256 is not available to hash " + path);
    std::vector<char> buffer(1 << 16);
    while (in) {
        in.read(buffer.data(), std::streamsize(buffer.size()));
        if (in.gcount() > 0)
            EVP_DigestUpdate(ctx.get(), buffer.data(), static_cast<std::size_t>(in.gcount()));
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(ctx.get(), digest, &length);
    std::string hex;
    char byte[3];
    for (unsigned int i = 0; i < length; ++i) {
        std::snprintf(byte, sizeof byte, "%02x", digest[i]);
        hex += byte;
    }
    return hex;
}

std::string importModel(const std::string& modelPath, const std::string& sidecarJsonPath, const std::string& outDir,
                        const std::string& name)
{
    const std::string target = ml::importTorchScript(modelPath, sidecarJsonPath, outDir, name);
    ml::ModelConfig config = ml::readSidecar(target);
    try {
        config.sha256 = sha256File(target);
    } catch (const ImageError& e) {
        throw ml::ModelError(e.what());
    }
    ml::writeFileAtomic(ml::sidecarPath(target), config.toJson());
    return target;
}

std::unique_ptr<ml::Segmenter> loadModel(const std::string& weightsPath)
{
    const ml::ModelConfig config = ml::readSidecar(weightsPath);
    if (config.architecture == ml::kTorchScriptArchitecture) {
        if (config.sha256.empty())
            throw ml::ModelError(weightsPath + " is an imported TorchScript model without a recorded SHA-256; a model "
                                               "file is a program: import it again with delineo-cli import-model if "
                                               "you trust where it came from");
        std::string actual;
        try {
            actual = sha256File(weightsPath);
        } catch (const ImageError& e) {
            throw ml::ModelError(e.what());
        }
        if (actual != config.sha256)
            throw ml::ModelError(weightsPath + " changed since it was imported (SHA-256 " + actual.substr(0, 16) +
                                 "…, recorded " + config.sha256.substr(0, 16) + "…); it is not run. Import it "
                                 "again if you trust the new file");
    }
    return ml::Segmenter::load(weightsPath);
}

} // namespace delineo::core
