fn main() {
    parallax::run();
}
