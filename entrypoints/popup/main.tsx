document.getElementById('app')!.textContent = 'Scholar Lens';
