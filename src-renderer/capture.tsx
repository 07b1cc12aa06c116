document.getElementById("root")!.textContent = "Capture";
